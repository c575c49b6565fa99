using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>The keys of Orca's way of writing a network: an address and a prefix length apart.</summary>
internal sealed record OrcaKeys(string Address, string Length);

/// <summary>
/// A network written in CIDR form (<c>cidr: fd00:10::/64</c>) or in Orca's form (<c>subnet: "fd00:10::"</c>
/// with <c>size: 64</c>). Both end up as one <see cref="Prefix"/>; writing both is SG007.
/// </summary>
internal static class NetworkForms
{
    public static readonly OrcaKeys Subnet = new("subnet", "size");
    public static readonly OrcaKeys Dns64Prefix = new("prefix", "prefix_size");

    /// <param name="orca">Orca's keys for this section, or null where only <c>cidr</c> exists.</param>
    /// <param name="required">Report SG006 when neither form is written.</param>
    public static Located<Prefix>? Read(SettingReader reader, string section, OrcaKeys? orca, FamilyNeed? need,
        bool required)
    {
        var cidr = $"{section}.cidr";
        if (orca is not null)
        {
            var address = $"{section}.{orca.Address}";
            var length = $"{section}.{orca.Length}";
            if (FormsMixed(reader, section, [cidr], [address, length]))
            {
                return null;
            }

            if (reader.IsWritten(address) || reader.IsWritten(length))
            {
                return ReadOrcaForm(reader, address, length, need);
            }
        }

        if (required || reader.IsWritten(cidr))
        {
            reader.Require(cidr, "", orca is null ? null : $"or {orca.Address}: and {orca.Length}:");
        }

        return reader.Network(cidr, need);
    }

    /// <summary>
    /// SG007 when keys of both forms are written for one network, at the first key of the form that comes
    /// later in the file (the one most likely pasted in).
    /// </summary>
    public static bool FormsMixed(SettingReader reader, string section, IReadOnlyList<string> cidrForm,
        IReadOnlyList<string> orcaForm)
    {
        if (FirstKey(reader, cidrForm) is not { } cidrAt || FirstKey(reader, orcaForm) is not { } orcaAt)
        {
            return false;
        }

        reader.Diagnostics.Error(DiagnosticCodes.FormsMixed, cidrAt.CompareTo(orcaAt) > 0 ? cidrAt : orcaAt,
            $"{section} mixes the CIDR form ({Keys(cidrForm)}) with Orca's form ({Keys(orcaForm)})",
            $"keep one form: either {Keys(cidrForm)}, or {Keys(orcaForm)}");
        return true;
    }

    private static Located<Prefix>? ReadOrcaForm(SettingReader reader, string addressPath, string lengthPath,
        FamilyNeed? need)
    {
        // One half written: the missing one is reported on the line of the half that needs it.
        reader.RequirePartner(addressPath, lengthPath);
        reader.RequirePartner(lengthPath, addressPath);
        var address = reader.Address(addressPath, need);
        var length = reader.Integer(lengthPath);
        if (address is not { } start || length is not { } bits)
        {
            return null;
        }

        var width = start.Value.Width;
        if (bits.Value < 0 || bits.Value > width)
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidNetwork, bits.Position,
                $"{lengthPath} must be a prefix length from 0 to {width} for an {FamilyNeed.Name(start.Value.Family)} network, not {bits.Value}");
            return null;
        }

        var network = Prefix.Containing(start.Value, bits.Value);
        if (network.Network != start.Value)
        {
            reader.ReportHostBits(reader.Text(addressPath)!.Value, $"{Leaf(addressPath)}: \"{network.Network}\"");
            return null;
        }

        return start.With(network) with { LengthAt = bits.Position };
    }

    private static SourcePosition? FirstKey(SettingReader reader, IReadOnlyList<string> paths) =>
        paths.Select(reader.KeyPosition).Where(at => at is not null).Min();

    private static string Keys(IReadOnlyList<string> paths) => string.Join(" + ", paths.Select(Leaf));

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];
}
