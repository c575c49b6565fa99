using System.Globalization;
using Sixgill.Values;

namespace Sixgill.Machine;

/// <summary>
/// An address as assigned to an interface: the address with its network's length
/// (<c>fd00:20::2/64</c>) — unlike a <see cref="Prefix"/>, host bits are the point.
/// </summary>
internal readonly record struct InterfaceAddress(Ip Address, int Length)
{
    public Prefix Network => Prefix.Containing(Address, Length);

    public static InterfaceAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = Ip.Parse(slash < 0 ? text : text[..slash]);
        var length = slash < 0 ? address.Width : int.Parse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        return length <= address.Width ? new InterfaceAddress(address, length) : throw new FormatException($"'{text}' has a prefix length beyond /{address.Width}");
    }

    public override string ToString() => $"{Address}/{Length}";
}
