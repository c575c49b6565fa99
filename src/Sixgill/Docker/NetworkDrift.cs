namespace Sixgill.Docker;

/// <summary>
/// Is the existing support network right? Pure, like <see cref="ContainerDrift"/>. A wrong network
/// can only be replaced with its containers detached, so the caller replaces those too.
/// </summary>
internal static class NetworkDrift
{
    public static DriftVerdict Compare(SupportNetworkSpec spec, ObservedNetwork? observed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (observed is null)
        {
            return DriftVerdict.Create;
        }

        var role = spec.Labels.GetValueOrDefault(DockerNames.RoleLabel);
        if (observed.Labels.GetValueOrDefault(DockerNames.RoleLabel) != role)
        {
            return new DriftVerdict(DriftAction.Foreign, [$"a network named '{observed.Name}' exists that Sixgill did not create (no label {DockerNames.RoleLabel}={role})"]);
        }

        var reasons = new List<string>();
        if (observed.Driver != "bridge")
        {
            reasons.Add($"its driver is {observed.Driver}, not bridge");
        }

        if (!observed.EnableIpv6)
        {
            reasons.Add("IPv6 is not enabled on it");
        }

        var wanted = new[] { new ObservedSubnet(spec.Ipv6Subnet, spec.Ipv6Gateway), new ObservedSubnet(spec.Ipv4Subnet, spec.Ipv4Gateway) };
        var have = observed.Subnets.ToHashSet();
        if (!have.SetEquals(wanted))
        {
            reasons.Add($"its subnets are {Describe(observed.Subnets)}, not {Describe(wanted)}");
        }

        return reasons.Count == 0 ? DriftVerdict.Keep : new DriftVerdict(DriftAction.Replace, reasons);
    }

    private static string Describe(IEnumerable<ObservedSubnet> subnets) =>
        string.Join(" and ", subnets.Select(s => $"{s.Subnet} (gateway {s.Gateway?.ToString() ?? "unset"})"));
}
