using System.Text;

namespace Sixgill.Steps;

/// <summary>
/// The bytes a file step writes. Its text form is only a size and hash, so that printing a step
/// (a log line, a record's ToString) cannot leak a token written into a file.
/// </summary>
internal sealed record FileBody
{
    public FileBody(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
        Sha256 = ContentHash.Of(bytes);
    }

    public byte[] Bytes { get; }

    public string Sha256 { get; }

    public static FileBody FromText(string text) => new(Encoding.UTF8.GetBytes(text));

    public bool Equals(FileBody? other) => other is not null && other.Sha256 == Sha256;

    public override int GetHashCode() => Sha256.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"{Bytes.Length} bytes, sha256 {Sha256[..12]}";
}
