import { IsOptional, Length } from 'class-validator';
import { Field } from 'type-graphql';

/**
 * The optional `idempotencyKey` of a mutation's input or arguments: an id the client makes up;
 * sending the same key again changes nothing and returns the first result.
 */
export function IdempotencyKeyField(): PropertyDecorator {
  return (target, property) => {
    Field(() => String, {
      nullable: true,
      description:
        'An id the client makes up: sending the same key again changes nothing and returns the first result',
    })(target, property);
    IsOptional()(target, property);
    Length(1, 100, { message: 'idempotencyKey must be 1 to 100 characters' })(target, property);
  };
}
