namespace Sixgill.Verify;

/// <summary>What <c>sixgill verify</c> looks up and fetches; the lab's internet serves the defaults.</summary>
/// <param name="Name">A name that has an A record at <c>remote_server</c> (and, for the strict check, no AAAA).</param>
/// <param name="Url">What to fetch through NAT64; null: <c>http://&lt;Name&gt;:8080/</c>, the lab's web server.</param>
/// <param name="ExpectedText">Text the page must contain; null: any 200 response passes.</param>
/// <param name="Timeout">How long one DNS query, lookup, route query or ping may take (HTTP gets twice as long).</param>
internal sealed record VerifyOptions(string Name = VerifyOptions.DefaultName, Uri? Url = null, string? ExpectedText = null, TimeSpan? Timeout = null)
{
    /// <summary>The name looked up when none is given: the lab internet's web server has it.</summary>
    public const string DefaultName = "web.example.test";

    /// <summary>The port of the page fetched when no URL is given.</summary>
    public const int DefaultPort = 8080;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public Uri EffectiveUrl => Url ?? new Uri(DefaultUrl(Name));

    /// <summary><c>http://&lt;name&gt;:8080/</c>: the page fetched when no URL is given.</summary>
    public static string DefaultUrl(string name) => $"http://{name}:{DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;
}
