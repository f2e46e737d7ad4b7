from wagtail import hooks

from locations.demo import load_locations_demo


@hooks.register("register_demo_content", order=10)
def register_locations_demo(builder):
    load_locations_demo(builder)
