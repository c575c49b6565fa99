using System.Security.Cryptography;
using System.Text;

namespace Sixgill.Ssh;

/// <summary>What a known_hosts line's marker says about its key.</summary>
internal enum KnownHostsMarker
{
    None,

    /// <summary><c>@revoked</c>: this key must never be accepted.</summary>
    Revoked,

    /// <summary><c>@cert-authority</c>: a CA for host certificates (Sixgill does not use certificates; such lines are skipped).</summary>
    CertAuthority,
}

/// <summary>
/// One line of an OpenSSH known_hosts file: <c>[@marker] patterns keytype base64 [comment]</c>, where
/// the patterns are either a comma-separated list of host patterns (<c>*</c>, <c>?</c>, <c>!</c> for
/// negation, <c>[host]:port</c> for other ports) or one hashed entry <c>|1|salt|hash</c> (HMAC-SHA1 of
/// the host with the salt as key). Pure.
/// </summary>
internal sealed record KnownHostsLine(int Number, KnownHostsMarker Marker, string Hosts, HostKey Key)
{
    private const string HashMagic = "|1|";

    /// <summary>The line, or null for blank lines, comments and lines that are not entries.</summary>
    public static KnownHostsLine? Parse(string text, int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        var marker = KnownHostsMarker.None;
        var first = 0;
        if (fields[0].StartsWith('@'))
        {
            marker = fields[0] switch
            {
                "@revoked" => KnownHostsMarker.Revoked,
                "@cert-authority" => KnownHostsMarker.CertAuthority,
                _ => (KnownHostsMarker)(-1),
            };
            first = 1;
        }

        if ((int)marker < 0 || fields.Length < first + 3 || HostKey.FromBase64(fields[first + 2]) is not { } key || key.Type != fields[first + 1])
        {
            return null;
        }

        return new KnownHostsLine(number, marker, fields[first], key);
    }

    /// <summary>Whether this line names <paramref name="host"/> (already in known_hosts form: <c>name</c> or <c>[name]:port</c>).</summary>
    public bool Names(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.ToLowerInvariant();
        if (Hosts.StartsWith(HashMagic, StringComparison.Ordinal))
        {
            return HashedNames(host);
        }

        var matched = false;
        foreach (var pattern in Hosts.Split(','))
        {
            var negated = pattern.StartsWith('!');
            if (Wildcard(host, negated ? pattern[1..] : pattern))
            {
                if (negated)
                {
                    return false;
                }

                matched = true;
            }
        }

        return matched;
    }

    /// <summary>The hashed host field for <paramref name="host"/> with a fresh random salt, as <c>ssh-keygen -H</c> writes it.</summary>
    public static string Hash(string host)
    {
        var salt = RandomNumberGenerator.GetBytes(20);
        return Hash(host, salt);
    }

    // HMAC-SHA1 is what OpenSSH's hashed known_hosts format is; it names hosts, it protects nothing.
#pragma warning disable CA5350
    internal static string Hash(string host, byte[] salt) =>
        HashMagic + Convert.ToBase64String(salt) + "|" + Convert.ToBase64String(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(host.ToLowerInvariant())));
#pragma warning restore CA5350

    private bool HashedNames(string host)
    {
        var parts = Hosts[HashMagic.Length..].Split('|');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[0]);
            var expected = Convert.FromBase64String(parts[1]);
#pragma warning disable CA5350 // the file's format, see Hash
            return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(host)), expected);
#pragma warning restore CA5350
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>OpenSSH's match_pattern: <c>*</c> any run, <c>?</c> one character, case-insensitive.</summary>
    internal static bool Wildcard(string text, string pattern)
    {
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
