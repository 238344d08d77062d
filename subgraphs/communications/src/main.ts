import 'reflect-metadata';
import { runSubgraphProcess } from '@attendant/kit';
import { communicationsSubgraph } from './index';

void runSubgraphProcess(communicationsSubgraph, 'COMMUNICATIONS_PORT', 4004);
