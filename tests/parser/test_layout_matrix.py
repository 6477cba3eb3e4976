"""Every paper-heading style of issue #2, each in 25 seeded mixes of title form, link style and position,
non-paper blocks, header and encoding (see :mod:`unseen_matrix`): paper count, Korean/English titles, paper/code/
tweet URLs, issue title and date, and block kinds must all come out as written."""

from __future__ import annotations

import pytest
from unseen_matrix import HEADS, differences, mixes, write_issue

PER_HEAD = 25


@pytest.mark.parametrize("head", HEADS)
def test_layout_mixes(head: str) -> None:
    failures = []
    for mix in mixes(PER_HEAD, seed=sum(map(ord, head)), head=head):
        data, want = write_issue(mix)
        diffs = differences(data, want)
        if diffs:
            failures.append(f"{mix}:\n    " + "\n    ".join(diffs[:4]))
    assert not failures, f"{len(failures)} of {PER_HEAD} mixes fail:\n" + "\n".join(failures[:5])


def test_a_wrong_expectation_is_reported() -> None:
    """The comparison can fail: a written issue checked against another mix's answer."""
    data, _ = write_issue(mixes(1, seed=1, head="h3")[0])
    _, other = write_issue(mixes(1, seed=2, head="h3")[0])
    assert differences(data, other)
