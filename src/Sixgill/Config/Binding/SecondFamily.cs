using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>
/// <c>cidr2</c> of mgmt, pod and service networks: required, and the other family from <c>cidr</c>, in
/// dual-stack; refused (SG014) in ipv6 and ipv4 mode, where it would silently be left unused.
/// </summary>
internal static class SecondFamily
{
    public static Located<Prefix>? Read(SettingReader reader, string section, ClusterMode? mode, Located<Prefix>? first,
        bool sectionPresent)
    {
        var path = $"{section}.cidr2";
        switch (mode)
        {
            case ClusterMode.DualStack:
                if (sectionPresent)
                {
                    reader.Require(path, ": dual-stack needs a network of each family");
                }

                FamilyNeed? need = first is { } primary
                    ? new FamilyNeed(FamilyNeed.Other(primary.Value.Family), $" (the other family from {primary.Key})",
                        "dual-stack needs one IPv6 and one IPv4 network")
                    : null;
                return reader.Network(path, need);
            case null:
                // The mode is written wrong (reported): check the value's syntax, but not its family.
                return reader.Network(path, null);
            default:
                if (reader.KeyPosition(path) is { } at)
                {
                    reader.Diagnostics.Error(DiagnosticCodes.NotForMode, at,
                        $"{path} is for dual-stack mode only; this cluster's mode is {ConfigSpellings.Of(mode.Value)}",
                        "remove it, or set general.mode: dual-stack");
                }

                return null;
        }
    }

    /// <summary>Dual-stack networks are kept IPv6 first, whichever order the file used.</summary>
    public static bool ShouldSwap(IpFamily? first, IpFamily? second) => first == IpFamily.V4 && second == IpFamily.V6;
}
