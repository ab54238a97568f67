"""The allocated-range check made in one expression per length (issue #15) answers as phonenumbers'
own order of checks does (the general pattern, then each number type's), for every leading range."""
from __future__ import annotations

import random

from liaison_app.domain.phones import _ranges


def test_one_expression_per_length_agrees_with_each_check_in_turn():
    ranges = _ranges()
    rng = random.Random(15)
    numbers = [f"{lead}{rng.randrange(10 ** 12):012d}"[:size]
               for lead in range(1000) for size in range(5, 14)]
    numbers += [f"{rng.randrange(10 ** 13):013d}"[:rng.randint(1, 13)] for _ in range(20000)]
    allocated = 0
    for nsn in numbers:
        assert ranges.valid(nsn) == ranges.valid_one_by_one(nsn), nsn
        allocated += ranges.valid(nsn)
    assert allocated > 500  # the sample reaches allocated ranges, not only refused ones
