namespace Tuoyu.Web.Modules.Demo;

/// <summary>Deterministic version-4-shaped GUIDs from a seeded <see cref="Random"/>, so the demo world is the same on every machine.</summary>
internal static class DemoGuids
{
    public static Guid Next(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
