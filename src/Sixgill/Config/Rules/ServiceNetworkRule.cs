using Sixgill.Config.Binding;

namespace Sixgill.Config.Rules;

/// <summary>kubeadm refuses a service network with more than 20 host bits (IPv6 /108, IPv4 /12).</summary>
internal static class ServiceNetworkRule
{
    private const int MaxHostBits = 20;

    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        foreach (var service in draft.Service.Bound.Where(s => s.Value.HostBits > MaxHostBits))
        {
            var longest = service.Value.Width - MaxHostBits;
            diagnostics.Error(DiagnosticCodes.ServiceNetTooLarge, service.LengthPosition,
                $"{service.Key} {service.Value} has {service.Value.HostBits} host bits; kubeadm allows at most {MaxHostBits}",
                $"use a /{longest} or longer, like {service.Value.Network}/{(service.Value.Width == 128 ? 110 : 16)}");
        }
    }
}
