namespace Nautilus.MarketData.Engine.Apis;

/// <summary>Reads an uploaded file's body, bounded: CSV or Parquet, told apart by content, not by header.</summary>
public static class UploadBody
{
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return null;
        }

        // Kestrel reads bodies asynchronously only; copy with a cap so a body without a length cannot grow past it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string TooLarge => $"at most {MaxBytes / 1024 / 1024} MB a file";
}
