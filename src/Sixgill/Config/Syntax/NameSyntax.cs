namespace Sixgill.Config.Syntax;

/// <summary>
/// Names that reach command lines and files: interface names, host names and DNS names. Each check
/// returns what is wrong (to follow the key in a message), or null when the name is fine.
/// </summary>
internal static class NameSyntax
{
    /// <summary>IFNAMSIZ is 16 with the terminating zero.</summary>
    public const int MaxInterfaceLength = 15;

    /// <summary>
    /// The kernel's rule (dev_valid_name: 1–15 bytes, no <c>/</c>, <c>:</c> or white space, not <c>.</c>
    /// or <c>..</c>), narrowed to printable ASCII because the name is also written into files.
    /// </summary>
    public static string? InterfaceProblem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > MaxInterfaceLength)
        {
            return $"is {name.Length} characters long; Linux allows at most {MaxInterfaceLength}";
        }

        if (name is "." or "..")
        {
            return $"cannot be \"{name}\"";
        }

        foreach (var c in name)
        {
            var problem = c switch
            {
                '/' => "contains \"/\"",
                ':' => "contains \":\" (that is an address label, not an interface)",
                _ when char.IsWhiteSpace(c) => "contains white space",
                _ when c is < '!' or > '~' => "contains a character outside printable ASCII",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>
    /// An RFC 1123 name: dot-separated labels of letters, digits and <c>-</c>, each 1–63 long and not
    /// starting or ending with <c>-</c>, 253 at most in all. Kubernetes wants node names and the cluster
    /// domain in lower case; an ssh target's host may be in either case.
    /// </summary>
    public static string? DnsNameProblem(string name, bool lowerCaseOnly)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > 253)
        {
            return $"is {name.Length} characters long; a DNS name has at most 253";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0)
            {
                return "has an empty label (two dots in a row, or a dot at an end)";
            }

            if (label.Length > 63)
            {
                return $"has a label of {label.Length} characters; at most 63 are allowed";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return $"has a label that starts or ends with \"-\" (\"{label}\")";
            }

            foreach (var c in label)
            {
                if (lowerCaseOnly && char.IsAsciiLetterUpper(c))
                {
                    return "has upper-case letters; Kubernetes names are lower case";
                }

                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return $"contains \"{c}\"; only letters, digits, \"-\" and \".\" are allowed";
                }
            }
        }

        return null;
    }
}
