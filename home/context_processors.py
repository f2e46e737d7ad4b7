from home.cache import FRAGMENT_TIMEOUT, content_generation


def fragment_cache(request):
    """Values for {% cache %} tags: a timeout and the content generation (read lazily,
    Django templates call it only where a cache tag uses it)."""
    return {
        "fragment_timeout": FRAGMENT_TIMEOUT,
        "content_generation": content_generation,
    }
