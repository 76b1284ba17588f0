using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.PatientId, d.CreatedAt });
        b.HasIndex(d => d.LineageId);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(60);
        b.Property(d => d.FileName).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Ignore(d => d.IsSigned);
        b.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
