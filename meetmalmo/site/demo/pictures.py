"""The demo's pictures: simple illustrations drawn when the demo is loaded, from the colours and
shapes in pictures.toml, so that no photograph of a real person or place is shipped."""

import io
import random

from PIL import Image, ImageDraw

from meetmalmo.core.images import WIDTH

HEIGHT = WIDTH * 9 // 16
LIGHT = (255, 255, 255)


def draw(name: str, picture: dict) -> bytes:
    """A PNG, WIDTH×HEIGHT: a gradient from `top` to `bottom` with shapes on it; the same
    picture every time for the same name."""
    size = (WIDTH, HEIGHT)
    mask = Image.linear_gradient("L").resize(size)
    top, bottom = tuple(picture["top"]), tuple(picture["bottom"])
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    SHAPES[picture["shapes"]](ImageDraw.Draw(overlay), random.Random(name))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _circles(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for _ in range(14):
        x, y, r = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(30, 170)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*LIGHT, rng.randint(35, 90)))


def _blocks(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    step = 60
    for row in range(HEIGHT // step):
        for column in range(WIDTH // step):
            if rng.random() < 0.22:
                x, y = column * step + 6, row * step + 6
                draw.rectangle(
                    (x, y, x + step - 12, y + step - 12), fill=(*LIGHT, rng.randint(40, 120))
                )


def _skyline(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    x = 0
    while x < WIDTH:
        width, height = rng.randint(50, 140), rng.randint(90, 330)
        draw.rectangle((x, HEIGHT - height, x + width, HEIGHT), fill=(40, 30, 60, 210))
        x += width + rng.randint(0, 12)
    draw.ellipse((880, 90, 1040, 250), fill=(*LIGHT, 150))


def _waves(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for line in range(9):
        base = 120 + line * 60
        points = [
            (x, base + 18 * ((x // 40 + line) % 4 in (1, 2)) * (1 if line % 2 else -1))
            for x in range(0, WIDTH + 40, 40)
        ]
        draw.line(points, fill=(*LIGHT, 90 + line * 15), width=6, joint="curve")


def _triangles(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for _ in range(18):
        x, y, r = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(30, 120)
        draw.polygon(
            [(x, y - r), (x - r, y + r), (x + r, y + r)], fill=(*LIGHT, rng.randint(35, 100))
        )


SHAPES = {
    "circles": _circles,
    "blocks": _blocks,
    "skyline": _skyline,
    "waves": _waves,
    "triangles": _triangles,
}
