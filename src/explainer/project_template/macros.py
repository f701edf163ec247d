"""mkdocs-macros entry point: registers the explainer package's macros and build hook."""

from explainer.macros import define_env, on_post_build, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]
