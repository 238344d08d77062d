import { Channel } from '@attendant/db';
import { registerEnumType } from 'type-graphql';

registerEnumType(Channel, { name: 'Channel', description: 'How a message travels' });

export { Channel };
