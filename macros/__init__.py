"""mkdocs-macros module of the site.

Each submodule owns one kind of generated content and registers its macros in `define_env`.
"""

from . import claims, demo_links, official, engine_reference, lexicon, rights, scenarios, tours, wizard


def define_env(env):
    lexicon.define_env(env)
    rights.define_env(env)
    claims.define_env(env)
    official.define_env(env)
    engine_reference.define_env(env)
    wizard.define_env(env)
    demo_links.define_env(env)
    scenarios.define_env(env)
    tours.define_env(env)


def on_post_page_macros(env):
    demo_links.on_post_page_macros(env)
    lexicon.on_post_page_macros(env)
