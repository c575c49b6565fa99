using System.Buffers.Binary;

namespace Sixgill.Tests.Host;

/// <summary>A netlink attribute as the kernel lays it out (length, type, value, padded to 4 bytes), for building replies in tests.</summary>
internal static class NetlinkAttribute
{
    public static byte[] Of(ushort type, byte[] value)
    {
        var attribute = new byte[(4 + value.Length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(2), type);
        value.CopyTo(attribute, 4);
        return attribute;
    }
}
