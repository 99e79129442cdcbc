using System.Security.Cryptography;
using System.Text;

namespace Tuoyu.Web.Common.Security;

/// <summary>
/// Encrypts sensitive identifiers at rest (AES-256-GCM) and derives a keyed hash (HMAC-SHA256) for
/// de-duplication, so the database never holds an ID number in clear (GB/T 35273; security.md).
/// Keys come from <c>Security:DataKey</c> and <c>Security:HashKey</c> (base64, 32 bytes); on a
/// machine without them a key file under data/keys is created once (development and demo only).
/// </summary>
public sealed class SensitiveDataProtector
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public SensitiveDataProtector(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length != 32 || hashKey.Length != 32) { throw new ArgumentException("Keys must be 32 bytes."); }
        _encryptionKey = encryptionKey;
        _hashKey = hashKey;
    }

    public string Encrypt(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(_encryptionKey, 16)) { aes.Encrypt(nonce, data, cipher, tag); }
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Decrypt(string encoded)
    {
        var all = Convert.FromBase64String(encoded);
        var plain = new byte[all.Length - 28];
        using (var aes = new AesGcm(_encryptionKey, 16)) { aes.Decrypt(all.AsSpan(0, 12), all.AsSpan(28), all.AsSpan(12, 16), plain); }
        return Encoding.UTF8.GetString(plain);
    }

    public string Hash(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));

    public static SensitiveDataProtector FromConfiguration(IConfiguration config, string dataDirectory)
    {
        var enc = config["Security:DataKey"];
        var hash = config["Security:HashKey"];
        if (enc is not null && hash is not null)
        {
            return new SensitiveDataProtector(Convert.FromBase64String(enc), Convert.FromBase64String(hash));
        }

        var dir = Path.Combine(dataDirectory, "keys");
        Directory.CreateDirectory(dir);
        return new SensitiveDataProtector(LoadOrCreate(Path.Combine(dir, "data.key")), LoadOrCreate(Path.Combine(dir, "hash.key")));
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) { return Convert.FromBase64String(File.ReadAllText(path).Trim()); }
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
