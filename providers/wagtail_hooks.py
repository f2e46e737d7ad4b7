from wagtail import hooks

from providers.demo import load_providers_demo


@hooks.register("register_demo_content", order=20)
def register_providers_demo(builder):
    load_providers_demo(builder)
