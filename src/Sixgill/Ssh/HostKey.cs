using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sixgill.Ssh;

/// <summary>
/// A host key as SSH sends it: the public key blob in wire format, whose first field is the key
/// type (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>ecdsa-sha2-nistp256</c>…). Pure.
/// </summary>
internal sealed class HostKey : IEquatable<HostKey>
{
    private readonly byte[] blob;

    public HostKey(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        this.blob = blob;
        Type = ReadType(blob) ?? throw new FormatException("not an SSH public key blob");
    }

    /// <summary>The key type the blob names (what known_hosts writes before the key).</summary>
    public string Type { get; }

    public ReadOnlySpan<byte> Blob => this.blob;

    /// <summary>The key in known_hosts and authorized_keys form: base64 of the blob.</summary>
    public string Base64 => Convert.ToBase64String(this.blob);

    /// <summary>OpenSSH's fingerprint: <c>SHA256:</c> and the unpadded base64 of the blob's SHA-256.</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(this.blob)).TrimEnd('=');

    /// <summary>What OpenSSH calls the key in its messages: ED25519, RSA, ECDSA.</summary>
    public string DisplayName => Type switch
    {
        "ssh-ed25519" => "ED25519",
        "ssh-rsa" => "RSA",
        "ssh-dss" => "DSA",
        _ when Type.StartsWith("ecdsa-", StringComparison.Ordinal) => "ECDSA",
        _ when Type.StartsWith("sk-ssh-ed25519", StringComparison.Ordinal) => "ED25519-SK",
        _ when Type.StartsWith("sk-ecdsa", StringComparison.Ordinal) => "ECDSA-SK",
        _ => Type.ToUpperInvariant(),
    };

    /// <summary>The key of a known_hosts line's base64 field, or null when it is not one.</summary>
    public static HostKey? FromBase64(string text)
    {
        try
        {
            var blob = Convert.FromBase64String(text);
            return ReadType(blob) is null ? null : new HostKey(blob);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public bool Equals(HostKey? other) => other is not null && this.blob.AsSpan().SequenceEqual(other.blob);

    public override bool Equals(object? obj) => Equals(obj as HostKey);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(this.blob));

    public override string ToString() => $"{DisplayName} key {Fingerprint}";

    private static string? ReadType(byte[] blob)
    {
        if (blob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (length is 0 or > 64 || length > blob.Length - 4)
        {
            return null;
        }

        var type = Encoding.ASCII.GetString(blob, 4, (int)length);
        return type.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '@' or '.') ? type : null;
    }
}
