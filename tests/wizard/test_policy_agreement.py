"""Every "who may do it" statement of the wizard agrees with the role engine's policy table.

Each such sentence of data/wizard.yml carries a claim (action, allowed roles, denied roles); the
policy table of egov_roles decides. A disagreement fails here, never silently: either the wizard's
text or the engine's table is wrong, and the fix belongs to whichever the seeds contradict.
"""

from __future__ import annotations

import pytest

from macros import wizard_tree as wt

CLAIMS = wt.claims()


def load_policy():
    try:
        from egov_roles import policy
    except ImportError as error:  # the engine is a workspace package: `uv sync` installs it
        pytest.fail(f"the role engine's policy module egov_roles.policy cannot be imported: {error}")
    return policy


@pytest.fixture(scope="module")
def policy():
    return load_policy()


def test_the_wizard_states_who_may_do_what():
    assert CLAIMS, "data/wizard.yml has no claim: nothing ties the wizard's sentences to the policy"


@pytest.mark.parametrize(
    "node_id,claim", CLAIMS, ids=[f"{node}:{claim['action']}" for node, claim in CLAIMS]
)
def test_claim_agrees_with_the_policy(policy, node_id, claim):
    action = claim["action"]
    assert action in policy.action_ids(), f"{node_id}: the policy has no action {action!r}"
    roles = set(policy.data()["roles"])
    named = set(claim.get("allowed", [])) | set(claim.get("denied", [])) | set(claim.get("designates", []))
    assert named <= roles, f"{node_id}: unknown roles {sorted(named - roles)}"

    for role in claim.get("allowed", []):
        decision = policy.decide(role, action)
        assert decision.allowed, f"{node_id} says {role} may {action}; the policy refuses ({decision.rule})"
    for role in claim.get("denied", []):
        decision = policy.decide(role, action)
        assert not decision.allowed, f"{node_id} says {role} may not {action}; the policy allows it"
    if "designates" in claim:  # "when registering, you designate the RAE and a co-RAE"
        gives = policy.action(action).get("designates", [])
        assert set(claim["designates"]) <= set(gives), (
            f"{node_id} says {action} designates {claim['designates']}; the policy's action gives {gives}")
    if claim.get("allowed") == []:  # "nobody may"
        allowed = sorted(r for r in roles if policy.decide(r, action).allowed)
        assert not allowed, f"{node_id} says nobody may {action}; the policy allows {allowed}"


def test_the_legal_representative_designates_a_co_rae_at_registration(policy):
    """Seed 004 tells the legal representative they "can also designate themself RAE or designate a
    co-RAE": the wizard says it with a claim, and the policy's registration gives both roles."""
    claimed = [claim for node, claim in CLAIMS if node.startswith("legal-representative/")
               and claim["action"] == "enterprise.register" and "co_rae" in claim.get("designates", [])]
    assert claimed
    assert {"rae", "co_rae"} <= set(policy.action("enterprise.register")["designates"])
    assert policy.decide("legal_rep", "enterprise.register").allowed


def test_each_profile_is_a_role_of_the_policy(policy):
    roles = set(policy.data()["roles"])
    for profile in wt.tree()["profiles"]:
        assert profile["role"] in roles, profile["id"]
