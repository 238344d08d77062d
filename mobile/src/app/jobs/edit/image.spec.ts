import { fitWithin } from './image';

describe('fitWithin', () => {
  it('should shrink the longest side to 1600 px keeping proportions when too big', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });

  it('should leave a small image as it is', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
