"""a version on every record a form edits, and a revision of each round's answers

Actions get a version counter and each domain page of a round a record with one (optimistic
locking, web/concurrency.py). Each round gets an answers revision, renewed with every change to
its answers, that results worked out from them are cached under; rounds already there start
with one made from their id, which no new (random) revision can equal.

Revision ID: 9ab0f1b32346
Revises: c3a17d2e9f41
Create Date: 2026-11-29 12:16:15.891279

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9ab0f1b32346'
down_revision = 'c3a17d2e9f41'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('assessment_pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('domain_key', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_pages_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_pages')),
    sa.UniqueConstraint('assessment_id', 'domain_key', name=op.f('uq_assessment_pages_assessment_id_domain_key'))
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('answers_revision', sa.String(length=32), server_default='', nullable=False)
        )
    op.execute("UPDATE assessments SET answers_revision = 'round-' || CAST(id AS VARCHAR(20))")


def downgrade():
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_column('answers_revision')

    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_column('version')

    op.drop_table('assessment_pages')
