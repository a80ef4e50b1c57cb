using System.Buffers;
using System.Net.WebSockets;

namespace Parley.Remote;

/// <summary>Reads whole WebSocket messages up to a size limit.</summary>
internal static class WebSocketMessages
{
    /// <summary>Receives one message into <paramref name="buffer"/> (cleared first).</summary>
    /// <returns>The message type; <see cref="WebSocketMessageType.Close"/> when the peer closed.</returns>
    /// <exception cref="MessageTooLargeException">The message is longer than <paramref name="limit"/> bytes.</exception>
    public static async ValueTask<WebSocketMessageType> ReceiveAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, int limit, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessageType.Close;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > limit)
            {
                throw new MessageTooLargeException(limit);
            }

            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    /// <summary>Closes <paramref name="socket"/> politely (bounded), then aborts whatever is left.</summary>
    public static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(status, reason.Length > 120 ? reason[..120] : reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer is gone: nothing to close politely.
        }
        finally
        {
            socket.Abort();
            socket.Dispose();
        }
    }
}
