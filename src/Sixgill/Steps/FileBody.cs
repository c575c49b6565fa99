using System.Text;

namespace Sixgill.Steps;

/// <summary>
/// The bytes a file step writes. Its text form is only a size and hash, so that printing a step
/// (a log line, a record's ToString) cannot leak a token written into a file.
/// </summary>
/// <remarks>
/// The hash is computed when first asked for (the journal needs it; probes compare bytes): SHA-256
/// comes from OpenSSL, and loading it costs a plan or a no-op prepare about 2 ms for nothing.
/// </remarks>
internal sealed record FileBody
{
    private readonly Lazy<string> sha256;

    public FileBody(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
        sha256 = new Lazy<string>(() => ContentHash.Of(bytes));
    }

    public byte[] Bytes { get; }

    public string Sha256 => sha256.Value;

    public static FileBody FromText(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Whether <paramref name="content"/> is exactly this body.</summary>
    public bool Matches(ReadOnlySpan<byte> content) => content.SequenceEqual(Bytes);

    public bool Equals(FileBody? other) => other is not null && Matches(other.Bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Bytes.Length} bytes, sha256 {Sha256[..12]}";
}
