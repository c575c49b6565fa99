namespace Sixgill.Config.Binding;

/// <summary>
/// The read document to a <see cref="ClusterDraft"/>: every value typed and checked on its own. The mode is
/// bound first because the family every network must have depends on it.
/// </summary>
internal static class ClusterBinder
{
    public static ClusterDraft Bind(ConfigDocument document, List<Diagnostic> diagnostics)
    {
        var reader = new SettingReader(document, diagnostics);
        var general = GeneralBinder.Bind(reader);
        var nodes = TopologyBinder.Bind(reader);
        var mgmt = DualNetworkBinder.Bind(reader, "mgmt_net", NetworkForms.Subnet, general.Mode);
        var pod = PodNetworkBinder.Bind(reader, general.Mode);
        var service = DualNetworkBinder.Bind(reader, "service_net", null, general.Mode);
        var gateway = GatewayBinder.Bind(reader, general.Mode);
        return new ClusterDraft(general, document.SectionPosition(ConfigSchema.Topology), nodes, mgmt, pod, service, gateway);
    }
}
