using System.Globalization;

namespace Sixgill.Values;

/// <summary>
/// A Kubernetes release as kubeadm names it (<c>v1.31.2</c>, also <c>v1.31.0-rc.1</c> from
/// <c>kubeadm version -o short</c>), compared by major and minor: what decides whether the files
/// Sixgill writes can be read at all.
/// </summary>
internal readonly record struct KubernetesRelease(int Major, int Minor)
{
    /// <summary>
    /// The oldest release Sixgill writes for: <c>kubeadm.k8s.io/v1beta4</c> and kube-proxy's
    /// <c>nftables</c> mode (beta, on by default) both came with 1.31; kubeadm 1.30 fails while loading the file.
    /// </summary>
    public static KubernetesRelease Floor { get; } = new(1, 31);

    public bool IsSupported => CompareTo(Floor) >= 0;

    public int CompareTo(KubernetesRelease other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary><c>v1.31</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}");

    /// <summary>The major and minor of <c>vX.Y…</c> (the <c>v</c> optional, anything after the minor ignored); null when it is not that.</summary>
    public static KubernetesRelease? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().TrimStart('v').Split('.');
        return parts.Length >= 2 && Number(parts[0]) is { } major && Number(LeadingDigits(parts[1])) is { } minor
            ? new KubernetesRelease(major, minor)
            : null;
    }

    private static string LeadingDigits(string text) => new([.. text.TakeWhile(char.IsAsciiDigit)]);

    private static int? Number(string digits) =>
        digits.Length is > 0 and <= 6 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
}
