"""Who may see a safeguarding concern holds on every generic read path, not only on the concern tab."""
from __future__ import annotations

import pytest

from liaison_app.domain import SafeguardingConcern
from liaison_app.services import officers, records, safeguarding
from liaison_app.services.permissions import may_read
from liaison_app.services.records import NotFound
from safeguarding_team import officers_and_tenant

PASSWORD = "correct horse battery"


@pytest.fixture
def team(store):
    tenant = officers_and_tenant(store, PASSWORD, lead="sal")
    officers.sign_in(store, "olu", PASSWORD)
    concern = safeguarding.raise_concern(store, tenant.id, "child", what_was_seen="Child left alone all day")
    return store, concern


@pytest.mark.parametrize("who", ["pat", "ada"])
def test_generic_reads_and_changes_answer_no_such_concern_to_others(team, who):
    store, concern = team
    officers.sign_in(store, who, PASSWORD)
    with pytest.raises(NotFound):  # before: records.get handed the concern, what was seen and all
        records.get(store, SafeguardingConcern, concern.id)
    with pytest.raises(NotFound):
        records.change(store, SafeguardingConcern, concern.id, {"what_was_seen": "overwritten"})
    officers.sign_in(store, "sal", PASSWORD)
    assert records.get(store, SafeguardingConcern, concern.id).what_was_seen == "Child left alone all day"


@pytest.mark.parametrize("who", ["olu", "sal"])
def test_the_raiser_and_a_lead_read_and_change_it(team, who):
    store, concern = team
    officers.sign_in(store, who, PASSWORD)
    assert may_read(store, records.get(store, SafeguardingConcern, concern.id))
    change = records.change(store, SafeguardingConcern, concern.id, {"referred_to": "Children's services"})
    records.undo(store, change)
    assert records.get(store, SafeguardingConcern, concern.id).referred_to == ""
