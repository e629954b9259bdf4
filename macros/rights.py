"""Rights tables and "who may do it" boxes, generated from the role engine's policy table.

Placeholder until the engine's policy table lands (issue 3): it renders nothing the reader could
mistake for a rule. The engine work replaces this module.
"""

from __future__ import annotations


def define_env(env):
    @env.macro
    def who_may(action: str) -> str:
        return ""

    @env.macro
    def rights_matrix(scope: str = "all") -> str:
        return ""
