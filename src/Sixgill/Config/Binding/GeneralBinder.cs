using Sixgill.Config.Syntax;
using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary><c>general</c>, plus Orca's top-level <c>plugin</c> and <c>token</c>.</summary>
internal static class GeneralBinder
{
    public const string DefaultClusterDomain = "cluster.local";

    public static GeneralDraft Bind(SettingReader reader)
    {
        var mode = reader.Optional("general.mode", p => reader.Choice(p, ConfigSpellings.Modes), ClusterMode.Ipv6);
        var runtime = reader.Optional("general.runtime", p => reader.Choice(p, ConfigSpellings.Runtimes), ServiceRuntime.Native);
        var (plugin, pluginFailed) = EitherPlace(reader, "plugin", p => reader.Choice(p, ConfigSpellings.Plugins), secret: false);
        var (token, _) = EitherPlace(reader, "token", reader.Text, secret: true);
        if (token is { } given && given.Value != Cluster.PlaceholderToken && !SecretSyntax.IsBootstrapToken(given.Value))
        {
            reader.Diagnostics.Error(DiagnosticCodes.TokenFormat, given.Position,
                $"{given.Key} is not a kubeadm bootstrap token: 6 and 16 lower-case letters or digits joined by a dot",
                "run sixgill init on the master to create one, or write one like abcdef.0123456789abcdef");
            token = null;
        }

        return new GeneralDraft(
            mode,
            pluginFailed ? null : plugin?.Value ?? CniPlugin.Bridge,
            runtime,
            token,
            reader.Document.Has("token") || reader.Document.Has("general.token"),
            CertHash(reader),
            KubernetesVersion(reader),
            reader.Boolean("general.insecure"),
            ClusterDomain(reader));
    }

    /// <summary>
    /// Orca writes <c>plugin</c> and <c>token</c> at the top of the file, Sixgill's own files under
    /// <c>general</c>: either place is read, and both only when they agree (else SG013 at the later one).
    /// </summary>
    private static (Located<T>? Value, bool Failed) EitherPlace<T>(SettingReader reader, string key,
        Func<string, Located<T>?> read, bool secret)
    {
        var general = $"{ConfigSchema.General}.{key}";
        var top = read(key);
        var nested = read(general);
        var failed = (reader.Document.Has(key) && top is null) || (reader.Document.Has(general) && nested is null);
        if (top is not { } a || nested is not { } b || EqualityComparer<T>.Default.Equals(a.Value, b.Value))
        {
            return (top ?? nested, failed);
        }

        var (earlier, later) = a.Position.CompareTo(b.Position) <= 0 ? (a, b) : (b, a);
        var values = secret ? "" : $": \"{reader.Text(earlier.Key)!.Value.Value}\" and \"{reader.Text(later.Key)!.Value.Value}\"";
        reader.Diagnostics.Error(DiagnosticCodes.ConflictingSettings, later.Position,
            $"{key} is set both at the top level and under general, to different values{values}",
            $"keep one of them; the other is on line {earlier.Position.Line}");
        return (null, true);
    }

    private static string? CertHash(SettingReader reader)
    {
        if (reader.Text("general.token_cert_hash") is not { } text)
        {
            return null;
        }

        var hash = SecretSyntax.NormalizeCertHash(text.Value);
        if (hash is null)
        {
            reader.Diagnostics.Error(DiagnosticCodes.CertHashFormat, text.Position,
                $"{text.Key} must be 64 hexadecimal digits (optionally after \"sha256:\"): the SHA-256 of the CA's public key",
                "sixgill init writes it; kubeadm prints it in its join command after --discovery-token-ca-cert-hash");
        }

        return hash;
    }

    /// <summary><c>vX.Y.Z</c>, as kubeadm's <c>--kubernetes-version</c> takes it.</summary>
    private static string? KubernetesVersion(SettingReader reader)
    {
        if (reader.Text("general.kubernetes_version") is not { } text)
        {
            return null;
        }

        static bool IsRelease(string numbers) =>
            numbers.Split('.') is { Length: 3 } parts && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

        if (text.Value.StartsWith('v') && IsRelease(text.Value[1..]))
        {
            if (KubernetesRelease.Parse(text.Value) is { IsSupported: false })
            {
                reader.Diagnostics.Error(DiagnosticCodes.KubernetesTooOld, text.Position,
                    $"{text.Key} is {text.Value}, older than {KubernetesRelease.Floor}: the kubeadm file Sixgill writes "
                    + $"(kubeadm.k8s.io/v1beta4, kube-proxy mode nftables) needs Kubernetes {KubernetesRelease.Floor} or newer",
                    $"write {KubernetesRelease.Floor}.0 or newer, or leave it out to take the installed kubeadm's");
                return null;
            }

            return text.Value;
        }

        reader.Diagnostics.Error(DiagnosticCodes.KubernetesVersion, text.Position,
            $"{text.Key} must be a release like v1.31.2, not \"{text.Value}\"",
            IsRelease(text.Value) ? $"did you mean v{text.Value}?" : "write vMAJOR.MINOR.PATCH");
        return null;
    }

    private static string? ClusterDomain(SettingReader reader)
    {
        if (reader.Text("general.cluster_domain") is not { } text)
        {
            return DefaultClusterDomain;
        }

        if (NameSyntax.DnsNameProblem(text.Value, lowerCaseOnly: true) is not { } problem)
        {
            return text.Value;
        }

        reader.Diagnostics.Error(DiagnosticCodes.ClusterDomain, text.Position, $"{text.Key} \"{text.Value}\" {problem}",
            $"write a DNS name like {DefaultClusterDomain}, without a trailing dot");
        return null;
    }
}
