"""Wagtail's image tags ({% image %}, {% srcset_image %}, {% picture %}, same syntax)
for public templates: an image whose file cannot be read renders as nothing, with a
logged warning (home.images), where Wagtail's render a broken <img>. With `as name`,
the name is set to None. Checked against Wagtail 7.4.4's wagtailimages_tags."""

from django import template
from wagtail.images.models import Picture, ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

from home.images import renditions_or_none

register = template.Library()


class LeaveOutUnreadableMixin:
    """render() of Wagtail's image nodes, through home.images.renditions_or_none.
    Subclasses say what the renditions become: as_value() for `as name`, as_html()."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = renditions_or_none(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = renditions and self.as_value(renditions)
            return ""
        if renditions is None:
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return self.as_html(renditions, attrs)


class ImageNode(LeaveOutUnreadableMixin, wagtailimages_tags.ImageNode):
    def get_filters(self):
        return [self.get_filter()]

    def as_value(self, renditions):
        (rendition,) = renditions.values()
        return rendition

    def as_html(self, renditions, attrs):
        return self.as_value(renditions).img_tag(attrs)


class SrcsetImageNode(LeaveOutUnreadableMixin, wagtailimages_tags.SrcsetImageNode):
    def as_value(self, renditions):
        return ResponsiveImage(renditions)

    def as_html(self, renditions, attrs):
        return ResponsiveImage(renditions, attrs).__html__()


class PictureNode(LeaveOutUnreadableMixin, wagtailimages_tags.PictureNode):
    def as_value(self, renditions):
        return Picture(renditions)

    def as_html(self, renditions, attrs):
        return Picture(renditions, attrs).__html__()


NODES = {"image": ImageNode, "srcset_image": SrcsetImageNode, "picture": PictureNode}


def image_tag(parser, token):
    """Parsed by Wagtail's parser; rendered by the node of the same name above."""
    parsed = wagtailimages_tags.image(parser, token)
    return NODES[token.split_contents()[0]](
        parsed.image_expr,
        parsed.filter_specs,
        attrs=parsed.attrs,
        output_var_name=parsed.output_var_name,
    )


for _name in NODES:
    register.tag(_name, image_tag)
