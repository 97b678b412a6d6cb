"""high cost area supplement on the documents' details

Revision ID: c3a17d2e9f41
Revises: cb7f46d07b52
Create Date: 2026-11-29 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3a17d2e9f41'
down_revision = 'cb7f46d07b52'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document_details', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('high_cost_area', sa.String(length=16), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('document_details', schema=None) as batch_op:
        batch_op.drop_column('high_cost_area')
