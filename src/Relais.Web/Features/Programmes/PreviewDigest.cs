using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Relais.Web.Features.Programmes;

/// <summary>
/// A fingerprint of what a signer read in a preview (issue 11: a signature that sends a document shows it first): the
/// confirming post carries it, and a form whose content changed since is shown again instead of being signed.
/// </summary>
public static class PreviewDigest
{
    public static string Of(object fields) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
}
