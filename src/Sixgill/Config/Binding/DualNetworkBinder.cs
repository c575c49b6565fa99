namespace Sixgill.Config.Binding;

/// <summary><c>mgmt_net</c> and <c>service_net</c>: the family the mode asks for, plus the other in dual-stack.</summary>
internal static class DualNetworkBinder
{
    public static DualNetwork Bind(SettingReader reader, string section, OrcaKeys? orca, ClusterMode? mode)
    {
        var present = reader.RequireSection(section, "",
            orca is null ? "\"cidr:\"" : $"\"cidr:\" (or {orca.Address}: and {orca.Length}:)");
        var first = NetworkForms.Read(reader, section, orca, FamilyNeed.ForMode(mode), required: present);
        var second = SecondFamily.Read(reader, section, mode, first, present);
        return SecondFamily.ShouldSwap(first?.Value.Family, second?.Value.Family)
            ? new DualNetwork(second, first)
            : new DualNetwork(first, second);
    }
}
