import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialState, place, reducer, emptyList, type AppState} from '../../source/state/app-state.js';

const ids = ['a', 'b', 'c', 'd', 'e'];

function selected(state: AppState) {
	return state.lists.containers.selectedId;
}

test('the cursor follows its id when rows re-sort, and clamps to a neighbour when its row goes', () => {
	let state = reducer(initialState, {type: 'rows', ids, page: 10});
	assert.equal(selected(state), 'a');
	state = reducer(state, {type: 'move', ids, page: 10, to: 'down'});
	state = reducer(state, {type: 'move', ids, page: 10, to: 'down'});
	assert.equal(selected(state), 'c');
	state = reducer(state, {type: 'rows', ids: ['c', 'a', 'b', 'd', 'e'], page: 10});
	assert.equal(selected(state), 'c');
	assert.equal(state.lists.containers.cursorIndex, 0);
	state = reducer(state, {type: 'move', ids: ['c', 'a', 'b', 'd', 'e'], page: 10, to: 'down'});
	assert.equal(selected(state), 'a');
	state = reducer(state, {type: 'rows', ids: ['c', 'b', 'd', 'e'], page: 10});
	assert.equal(selected(state), 'b', 'clamped to the row now at the same place');
});

test('moves stop at both ends; pages move by a page less one; g and G jump', () => {
	let state = reducer(initialState, {type: 'rows', ids, page: 3});
	state = reducer(state, {type: 'move', ids, page: 3, to: 'up'});
	assert.equal(selected(state), 'a');
	state = reducer(state, {type: 'move', ids, page: 3, to: 'pageDown'});
	assert.equal(selected(state), 'c');
	state = reducer(state, {type: 'move', ids, page: 3, to: 'bottom'});
	assert.equal(selected(state), 'e');
	assert.equal(state.lists.containers.scrollTop, 2, 'the cursor row is kept on screen');
	state = reducer(state, {type: 'move', ids, page: 3, to: 'down'});
	assert.equal(selected(state), 'e');
	state = reducer(state, {type: 'move', ids, page: 3, to: 'top'});
	assert.equal(selected(state), 'a');
	assert.equal(state.lists.containers.scrollTop, 0);
});

test('marking toggles and moves down; marks of vanished ids are pruned', () => {
	let state = reducer(initialState, {type: 'rows', ids, page: 10});
	state = reducer(state, {type: 'toggleMark', ids, page: 10});
	state = reducer(state, {type: 'toggleMark', ids, page: 10});
	assert.deepEqual([...state.lists.containers.marks], ['a', 'b']);
	assert.equal(selected(state), 'c');
	state = reducer(state, {type: 'pruneMarks', existing: new Set(['b', 'c'])});
	assert.deepEqual([...state.lists.containers.marks], ['b']);
	state = reducer(state, {type: 'clearMarks'});
	assert.equal(state.lists.containers.marks.size, 0);
});

test('an empty list has no selection; unchanged input returns the same state object', () => {
	assert.equal(place(emptyList, [], 5), emptyList);
	const state = reducer(initialState, {type: 'rows', ids, page: 10});
	assert.equal(reducer(state, {type: 'rows', ids, page: 10}), state);
});

test('force toggles only in a dialog that offers it', () => {
	const request = {command: 'container.remove' as const, view: 'containers' as const, targetIds: ['a'], question: 'Remove a?', details: [], offersForce: true, force: false};
	let state = reducer(initialState, {type: 'open', overlay: {kind: 'confirm', request}});
	state = reducer(state, {type: 'toggleForce'});
	assert.equal(state.overlay.kind === 'confirm' && state.overlay.request.force, true);
	const noForce = reducer(initialState, {type: 'open', overlay: {kind: 'confirm', request: {...request, offersForce: false}}});
	assert.equal(reducer(noForce, {type: 'toggleForce'}), noForce);
});
