using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>
/// "Is this running container right?" (running containers with the right settings are
/// kept; wrong or stopped ones replaced). Pure: compares a <see cref="ContainerSpec"/> with what the
/// engine reported, and names every difference.
/// </summary>
internal static class ContainerDrift
{
    /// <param name="currentImageId">
    /// The id the spec's image reference points at now, when known: a container started from an
    /// earlier image of the same tag (rebuilt since) is replaced too.
    /// </param>
    public static DriftVerdict Compare(ContainerSpec spec, ObservedContainer? observed, string? currentImageId = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (observed is null)
        {
            return DriftVerdict.Create;
        }

        var role = spec.Labels.GetValueOrDefault(DockerNames.RoleLabel);
        if (role is null || observed.Labels.GetValueOrDefault(DockerNames.RoleLabel) != role)
        {
            return new DriftVerdict(DriftAction.Foreign, [$"a container named '{observed.Name}' exists that Sixgill did not create (no label {DockerNames.RoleLabel}={role})"]);
        }

        var reasons = new List<string>();
        if (!observed.Running)
        {
            reasons.Add($"it is {observed.Status}, not running");
        }

        if (observed.ImageReference != spec.Image)
        {
            reasons.Add($"it runs image {observed.ImageReference}, not {spec.Image}");
        }
        else if (currentImageId is not null && observed.ImageId != currentImageId)
        {
            reasons.Add($"image {spec.Image} was built anew since it started");
        }

        CompareNetwork(spec, observed, reasons);
        CompareSet("capabilities", spec.CapAdd.Select(Capability), observed.CapAdd.Select(Capability), reasons);
        CompareSet("devices", spec.Devices.Select(Device), observed.Devices.Select(Device), reasons);
        CompareSet("sysctls", spec.Sysctls.Select(s => $"{s.Key}={s.Value}"), observed.Sysctls.Select(s => $"{s.Key}={s.Value}"), reasons);
        CompareSet("mounts", spec.Binds.Select(b => b.ToString()), observed.Binds, reasons);

        // The image adds variables of its own (PATH): only the spec's must be there, with its values.
        var missing = spec.EnvironmentList.Except(observed.Environment, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            reasons.Add($"its environment lacks {string.Join(", ", missing)}");
        }

        if (observed.Privileged)
        {
            reasons.Add("it is privileged");
        }

        if (observed.RestartPolicy != ContainerSpec.RestartPolicy)
        {
            reasons.Add($"its restart policy is '{observed.RestartPolicy}', not '{ContainerSpec.RestartPolicy}'");
        }

        return reasons.Count == 0 ? DriftVerdict.Keep : new DriftVerdict(DriftAction.Replace, reasons);
    }

    private static void CompareNetwork(ContainerSpec spec, ObservedContainer observed, List<string> reasons)
    {
        var others = observed.Networks.Keys.Where(n => n != spec.Network).Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            reasons.Add($"it is also on {string.Join(", ", others)}");
        }

        if (!observed.Networks.TryGetValue(spec.Network, out var endpoint))
        {
            reasons.Add($"it is not on {spec.Network}");
            return;
        }

        AddAddressReason("IPv6", spec.Ipv6Address, endpoint.Ipv6Address, reasons);
        AddAddressReason("IPv4", spec.Ipv4Address, endpoint.Ipv4Address, reasons);
    }

    // Parsed values, never text: fd00:10:0::100 and fd00:10::100 are the same address.
    private static void AddAddressReason(string family, Ip wanted, Ip? actual, List<string> reasons)
    {
        if (actual != wanted)
        {
            reasons.Add($"its {family} address is {actual?.ToString() ?? "unset"}, not {wanted}");
        }
    }

    private static void CompareSet(string what, IEnumerable<string> wanted, IEnumerable<string> actual, List<string> reasons)
    {
        var want = wanted.ToHashSet(StringComparer.Ordinal);
        var have = actual.ToHashSet(StringComparer.Ordinal);
        if (want.SetEquals(have))
        {
            return;
        }

        var lacking = want.Except(have).Order(StringComparer.Ordinal).ToList();
        var extra = have.Except(want).Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (lacking.Count > 0)
        {
            parts.Add($"lacks {string.Join(", ", lacking)}");
        }

        if (extra.Count > 0)
        {
            parts.Add($"has {string.Join(", ", extra)} too");
        }

        reasons.Add($"its {what}: {string.Join(" and ", parts)}");
    }

    // The engine takes NET_ADMIN and CAP_NET_ADMIN alike and reports what it was given.
    private static string Capability(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    private static string Device(ContainerDevice device) => $"{device.HostPath}:{device.ContainerPath}:{device.Permissions}";
}
