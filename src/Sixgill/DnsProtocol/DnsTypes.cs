namespace Sixgill.DnsProtocol;

/// <summary>The record types verify asks for (RFC 1035, RFC 3596).</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    Cname = 5,
    Ptr = 12,
    Txt = 16,
    Aaaa = 28,
}

/// <summary>The classes verify uses: the internet, and CHAOS for a server's <c>version.bind</c>.</summary>
internal enum DnsClass : ushort
{
    Internet = 1,
    Chaos = 3,
}

/// <summary>RFC 1035 §4.1.1 RCODE values.</summary>
internal enum DnsResponseCode
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}

/// <summary>A reply that is not a well-formed DNS message.</summary>
internal sealed class DnsFormatException : Exception
{
    public DnsFormatException()
    {
    }

    public DnsFormatException(string message)
        : base(message)
    {
    }

    public DnsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
