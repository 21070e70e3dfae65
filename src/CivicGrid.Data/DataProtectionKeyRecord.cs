namespace CivicGrid.Data;

/// <summary>One ASP.NET Core data-protection key (the XML element the key ring writes). Kept in the database so that
/// every instance behind a load balancer reads the same key ring: a cookie issued by one instance is accepted by
/// the others and survives a restart.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    /// <summary>The name the key ring gave the element (its key id), for operators reading the table.</summary>
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
