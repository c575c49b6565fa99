using Sixgill.Lab;

namespace Sixgill.Verify;

/// <summary>What <c>sixgill verify</c> looks up and fetches; the defaults are the lab internet's.</summary>
/// <param name="Name">A name that has an A record at <c>remote_server</c> (and, for the strict check, no AAAA).</param>
/// <param name="Url">What to fetch through NAT64; null: <c>http://&lt;Name&gt;:8080/</c>, the lab's web server.</param>
/// <param name="ExpectedText">Text the page must contain; null: any 200 response passes.</param>
/// <param name="Timeout">How long one DNS query, lookup, route query or ping may take (HTTP gets twice as long).</param>
internal sealed record VerifyOptions(string Name = InternetZone.WebName, Uri? Url = null, string? ExpectedText = null, TimeSpan? Timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public Uri EffectiveUrl => Url ?? new Uri(InternetServices.WebUrl(Name));

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;
}
