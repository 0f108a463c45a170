using ReformBot.Host.Digests;
using SkiaSharp;

namespace ReformBot.Host.Tests.Digests;

public sealed class IndexedPngTests
{
    [Fact]
    public void A_picture_of_few_colours_becomes_a_palette_png_within_four_of_each_channel()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(300, 40, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < 40; y++)
            for (var x = 0; x < 300; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x % 256), (byte)(x % 256), (byte)(y / 10 * 64)));

        var png = IndexedPng.Encode(bitmap.PeekPixels());

        Assert.Equal(3, png[25]); // IHDR colour type: palette
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((300, 40), (decoded.Width, decoded.Height));
        for (var y = 0; y < 40; y++)
            for (var x = 0; x < 300; x++)
            {
                var (a, b) = (bitmap.GetPixel(x, y), decoded.GetPixel(x, y));
                Assert.InRange(Math.Abs(a.Red - b.Red), 0, 4);
                Assert.InRange(Math.Abs(a.Blue - b.Blue), 0, 4);
                Assert.Equal(IndexedPng.Round(a.Green), b.Green);
            }
    }

    [Fact]
    public void A_picture_of_many_colours_stays_an_exact_rgb_png()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 64, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(7);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));

        var png = IndexedPng.Encode(bitmap.PeekPixels());

        Assert.NotEqual(3, png[25]);
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal(bitmap.Pixels, decoded.Pixels);
    }
}
