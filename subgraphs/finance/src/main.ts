import 'reflect-metadata';
import { runSubgraphProcess } from '@attendant/kit';
import { financeSubgraph } from './index';

void runSubgraphProcess(financeSubgraph, 'FINANCE_PORT', 4003);
