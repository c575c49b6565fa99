using System.Globalization;
using Sixgill.Values;

namespace Sixgill.Config.Syntax;

/// <summary>
/// <c>[user@]host[:port]</c> for <c>topology.&lt;name&gt;.ssh</c>: the user defaults to root and the port
/// to 22; an IPv6 literal goes in <c>[ ]</c> so that its colons cannot be mistaken for a port.
/// </summary>
internal static class SshTargetSyntax
{
    public const string DefaultUser = "root";
    public const int DefaultPort = 22;

    /// <summary>Where <c>--all</c> reaches a node when its entry has no <c>ssh</c>.</summary>
    public static SshTarget Default(string nodeName) => new(DefaultUser, nodeName, DefaultPort);

    /// <summary>The target, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static SshTarget? Parse(string text, out string? problem)
    {
        var user = DefaultUser;
        var rest = text;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            user = text[..at];
            rest = text[(at + 1)..];
            problem = UserProblem(user);
            if (problem is not null)
            {
                return null;
            }
        }

        problem = SplitHost(rest, out var host, out var portText) ?? HostProblem(host);
        if (problem is not null)
        {
            return null;
        }

        var port = DefaultPort;
        if (portText is not null
            && (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)
                || (port = int.Parse(portText, CultureInfo.InvariantCulture)) is < 1 or > 65535))
        {
            problem = "has a port that is not a number from 1 to 65535";
            return null;
        }

        return new SshTarget(user, host, port);
    }

    private static string? SplitHost(string text, out string host, out string? portText)
    {
        portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? text[1..] : text[1..close];
            if (close < 0)
            {
                return "has \"[\" without \"]\"";
            }

            if (!Ip.TryParse(host, out var ip) || !ip.IsV6)
            {
                return "has something other than an IPv6 address inside [ ]";
            }

            var after = text[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                return "has text after \"]\" that is not \":port\"";
            }

            portText = after.Length > 0 ? after[1..] : null;
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        host = colon < 0 ? text : text[..colon];
        if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
        {
            return "has an IPv6 address that is not inside [ ]";
        }

        portText = colon < 0 ? null : text[(colon + 1)..];
        return null;
    }

    private static string? HostProblem(string host)
    {
        if (host.Contains(':', StringComparison.Ordinal) || Ip.TryParse(host, out _))
        {
            return null;
        }

        return NameSyntax.DnsNameProblem(host, lowerCaseOnly: false) is { } problem ? $"has a host name that {problem}" : null;
    }

    /// <summary>A login name: it reaches ssh's command line, so no leading <c>-</c> and no shell characters.</summary>
    private static string? UserProblem(string user)
    {
        if (user.Length == 0)
        {
            return "has an empty user before \"@\"";
        }

        if (user.Length > 32)
        {
            return "has a user name longer than 32 characters";
        }

        if (user[0] == '-')
        {
            return "has a user name that starts with \"-\"";
        }

        var bad = user.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'));
        return bad == default ? null : $"has \"{bad}\" in the user name";
    }
}
