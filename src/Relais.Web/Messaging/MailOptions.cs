namespace Relais.Web.Messaging;

/// <summary>Secure mail of the MSSanté kind: SMTP with TLS (section "Mail" of the configuration).</summary>
public sealed class MailOptions
{
    public bool Enabled { get; set; } = true;
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "relais@relais.demo";
    public string FromName { get; set; } = "Relais";
    /// <summary>Right-hand side of the Message-IDs.</summary>
    public string Domain { get; set; } = "relais.local";
    /// <summary>Base address of Relais, for the links in e-mails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
    public int DispatchIntervalSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 200;
    /// <summary>SMTP connections a batch is spread over (each sends its share in turn).</summary>
    public int Connections { get; set; } = 4;
    public int TimeoutSeconds { get; set; } = 30;
}
