using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>
/// <c>support_net</c>, <c>nat64</c> and <c>dns64</c>: required in ipv6 mode, where DNS64 and NAT64 give the
/// IPv6-only nodes the IPv4 internet; refused (SG014) in the other modes, where nothing would use them.
/// </summary>
internal static class GatewayBinder
{
    private const string Why = ": ipv6 mode needs DNS64 and NAT64";
    private static readonly string[] SectionNames = ["support_net", "nat64", "dns64"];

    public static GatewayDraft Bind(SettingReader reader, ClusterMode? mode)
    {
        if (mode is ClusterMode.DualStack or ClusterMode.Ipv4)
        {
            foreach (var section in SectionNames)
            {
                if (reader.Document.Sections.TryGetValue(section, out var at))
                {
                    reader.Diagnostics.Error(DiagnosticCodes.NotForMode, at,
                        $"{section} is for ipv6 mode only, where DNS64 and NAT64 run; this cluster's mode is {ConfigSpellings.Of(mode.Value)}",
                        "remove the section, or set general.mode: ipv6");
                }
            }

            return new GatewayDraft(null, null, null);
        }

        // An unreadable mode (reported) still gets the sections' values checked, but none required.
        var required = mode is ClusterMode.Ipv6;
        return new GatewayDraft(Support(reader, required), Nat64(reader, required), Dns64(reader, required));
    }

    private static SupportDraft? Support(SettingReader reader, bool required)
    {
        if (!Present(reader, "support_net", required, "\"cidr:\" (or subnet: and size:) and \"v4cidr:\""))
        {
            return null;
        }

        var cidr = NetworkForms.Read(reader, "support_net", NetworkForms.Subnet, FamilyNeed.Always(IpFamily.V6), required);
        Require(reader, required, "support_net.v4cidr");
        return new SupportDraft(cidr, reader.Network("support_net.v4cidr", FamilyNeed.Always(IpFamily.V4)));
    }

    private static Nat64Draft? Nat64(SettingReader reader, bool required)
    {
        if (!Present(reader, "nat64", required, "\"v4_cidr:\", \"v4_ip:\" and \"ip:\""))
        {
            return null;
        }

        Require(reader, required, "nat64.v4_cidr", "nat64.v4_ip", "nat64.ip");
        return new Nat64Draft(
            reader.Network("nat64.v4_cidr", FamilyNeed.Always(IpFamily.V4)),
            reader.Address("nat64.v4_ip", FamilyNeed.Always(IpFamily.V4)),
            reader.Address("nat64.ip", FamilyNeed.Always(IpFamily.V6)),
            reader.Text("nat64.image")?.Value);
    }

    private static Dns64Draft? Dns64(SettingReader reader, bool required)
    {
        if (!Present(reader, "dns64", required, "\"remote_server:\", \"cidr:\" (or prefix: and prefix_size:) and \"ip:\""))
        {
            return null;
        }

        Require(reader, required, "dns64.remote_server");
        var remoteServer = reader.Address("dns64.remote_server", null, DiagnosticCodes.RemoteServer);
        var prefix = NetworkForms.Read(reader, "dns64", NetworkForms.Dns64Prefix, FamilyNeed.Always(IpFamily.V6), required);
        Require(reader, required, "dns64.ip");
        return new Dns64Draft(
            remoteServer,
            prefix,
            reader.Address("dns64.ip", FamilyNeed.Always(IpFamily.V6)),
            reader.Optional("dns64.allow_aaaa_use", reader.Boolean, false),
            reader.Optional("dns64.dnssec_validation", p => reader.Choice(p, ConfigSpellings.DnssecModes), DnssecValidation.Auto),
            reader.Text("dns64.image")?.Value);
    }

    private static bool Present(SettingReader reader, string section, bool required, string keys) =>
        required ? reader.RequireSection(section, Why, keys, neededBy: "general.mode") : reader.Document.Sections.ContainsKey(section);

    private static void Require(SettingReader reader, bool required, params string[] paths)
    {
        if (!required)
        {
            return;
        }

        foreach (var path in paths)
        {
            reader.Require(path);
        }
    }
}
