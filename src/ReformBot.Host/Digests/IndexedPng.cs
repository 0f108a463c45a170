using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace ReformBot.Host.Digests;

/// <summary>
/// A chart as a small PNG: its colours are rounded to multiples of 8 per channel (flat colours chosen
/// so are kept exactly; anti-aliased edges move by at most 4 of 255) and, when that leaves at most
/// 256 colours, written as an 8-bit palette image, about a quarter of Skia's RGB PNG. A chart that
/// still has more colours is written as Skia's RGB PNG.
/// </summary>
internal static class IndexedPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A channel rounded to a multiple of 8 (255 stays 255).</summary>
    internal static byte Round(byte value) => (byte)Math.Min(255, (value + 4) & ~7);

    public static byte[] Encode(SKPixmap pixmap)
    {
        using var bitmap = new SKBitmap();
        if (pixmap.ColorType != SKColorType.Rgba8888 || !bitmap.InstallPixels(pixmap)) return Rgb(pixmap);
        var width = pixmap.Width;
        var height = pixmap.Height;
        var pixels = pixmap.GetPixelSpan<uint>();

        // Palette entries by first appearance, as 0x00RRGGBB.
        var palette = new Dictionary<uint, byte>();
        var rows = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width + 1);
            rows[row] = 0; // filter: none (best for palette images)
            for (var x = 0; x < width; x++)
            {
                var rgba = pixels[y * width + x]; // little-endian RGBA: R in the low byte
                var key = (uint)Round((byte)rgba) << 16 | (uint)Round((byte)(rgba >> 8)) << 8 | Round((byte)(rgba >> 16));
                if (!palette.TryGetValue(key, out var index))
                {
                    if (palette.Count == 256) return Rgb(pixmap);
                    palette.Add(key, index = (byte)palette.Count);
                }
                rows[row + 1 + x] = index;
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per index
        header[9] = 3; // colour type: palette
        Chunk(png, "IHDR", header);
        var entries = new byte[palette.Count * 3];
        foreach (var (colour, index) in palette)
        {
            entries[index * 3] = (byte)(colour >> 16);
            entries[index * 3 + 1] = (byte)(colour >> 8);
            entries[index * 3 + 2] = (byte)colour;
        }
        Chunk(png, "PLTE", entries);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(rows);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Rgb(SKPixmap pixmap)
    {
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
