import 'reflect-metadata';
import { runSubgraphProcess } from '@attendant/kit';
import { operationsSubgraph } from './index';

void runSubgraphProcess(operationsSubgraph, 'OPERATIONS_PORT', 4002);
