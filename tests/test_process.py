"""reviewer.process: the collector's thresholds, raised for a block and put back."""

from __future__ import annotations

import gc

from reviewer.process import GC_THRESHOLD, tune_gc, tuned_gc


def test_tuned_gc_raises_the_first_threshold_and_puts_it_back() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        with tuned_gc():
            assert gc.get_threshold() == (GC_THRESHOLD, *before[1:])
        assert gc.get_threshold() == (700, *before[1:])
        gc.set_threshold(50_000, *before[1:])
        with tuned_gc():  # never lowered
            assert gc.get_threshold()[0] == 50_000
        gc.set_threshold(700, *before[1:])
        assert tune_gc() == (700, *before[1:]) and gc.get_threshold()[0] == GC_THRESHOLD
    finally:
        gc.set_threshold(*before)


def test_tuned_gc_puts_it_back_after_an_error() -> None:
    before = gc.get_threshold()
    try:
        with tuned_gc(123_456):
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == before
